import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSession } from './lib/session';
import { ForgotPassword, ResetPassword, SignIn, SignUp, VerifyEmail } from './features/auth/AuthScreens';
import { Account } from './features/auth/Account';
import { signOut } from './features/auth/api';
import { Library } from './features/library/Library';
import { Sessions } from './features/study/Sessions';
import { SessionChat } from './features/study/SessionChat';
import { Quizzes } from './features/quiz/Quizzes';
import { TakeQuiz } from './features/quiz/TakeQuiz';
import { AttemptResult } from './features/quiz/AttemptResult';
import { ReviewQueue } from './features/review/ReviewQueue';
import { Cards } from './features/review/Cards';
import { Settings as ReviewSettings } from './features/review/Settings';
import { NAV_QUEUE_LIMIT } from './features/review/api';
import { useDueCount } from './features/review/useDueCount';

// pdf.js and the chart library are large: their screens are separate chunks, loaded when opened.
const Reader = lazy(() => import('./features/reader/Reader').then((m) => m.Reader));
const Progress = lazy(() => import('./features/progress/Progress').then((m) => m.Progress));

const PUBLIC_PATHS = ['/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/verify-email'];

function Nav() {
  const { path } = useLocation();
  const due = useDueCount(path);
  const links: [string, string][] = [
    ['/library', 'Library'],
    ['/study', 'Study'],
    ['/quizzes', 'Quizzes'],
    ['/review', 'Review'],
    ['/progress', 'Progress'],
    ['/account', 'Account'],
  ];
  return (
    <nav aria-label="Main">
      <a class="brand" href="/library">
        LectaVera
      </a>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={path.startsWith(href) ? 'page' : undefined}>
              {label}
              {href === '/review' && due !== null && (
                <span class="nav-count" data-due={due}>
                  {due >= NAV_QUEUE_LIMIT ? `${NAV_QUEUE_LIMIT}+` : due}
                  <span class="visually-hidden"> due</span>
                </span>
              )}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="link" onClick={signOut}>
            Sign out
          </button>
        </li>
      </ul>
    </nav>
  );
}

function Gate() {
  const { state, endedReason } = useSession();
  const location = useLocation();
  const isPublic = PUBLIC_PATHS.includes(location.path);
  useEffect(() => {
    if (state === 'signed_out' && !isPublic) {
      const back = location.url === '/' ? '' : `?next=${encodeURIComponent(location.url)}`;
      location.route(`/sign-in${back}${endedReason === 'session_ended' ? `${back ? '&' : '?'}ended=1` : ''}`, true);
    }
    if (state === 'signed_in' && (location.path === '/' || location.path === '/sign-in' || location.path === '/sign-up')) {
      const next = new URLSearchParams(location.url.split('?')[1] ?? '').get('next');
      location.route(next && next.startsWith('/') && !next.startsWith('//') ? next : '/library', true);
    }
  }, [state, location.url]);
  if (state === 'restoring') return <p role="status">Restoring your session…</p>;
  // Until signed in, a protected URL renders nothing while the effect above sends the student to sign in.
  const signedIn = (screen: ComponentType) => (state === 'signed_in' ? screen : Blank);
  return (
    <>
      {state === 'signed_in' && !isPublic && (
        <header>
          <Nav />
        </header>
      )}
      <main id="main">
        <ErrorBoundary>
          <Router>
            <Route path="/sign-in" component={SignIn} />
            <Route path="/sign-up" component={SignUp} />
            <Route path="/forgot-password" component={ForgotPassword} />
            <Route path="/reset-password" component={ResetPassword} />
            <Route path="/verify-email" component={VerifyEmail} />
            <Route path="/library" component={signedIn(Library)} />
            <Route path="/reader/:documentId" component={signedIn(Reader)} />
            <Route path="/study" component={signedIn(Sessions)} />
            <Route path="/study/:sessionId" component={signedIn(SessionChat)} />
            <Route path="/quizzes" component={signedIn(Quizzes)} />
            <Route path="/quizzes/:quizId" component={signedIn(TakeQuiz)} />
            <Route path="/quizzes/:quizId/attempts/:attemptId" component={signedIn(AttemptResult)} />
            <Route path="/review" component={signedIn(ReviewQueue)} />
            <Route path="/review/cards" component={signedIn(Cards)} />
            <Route path="/review/settings" component={signedIn(ReviewSettings)} />
            <Route path="/progress" component={signedIn(Progress)} />
            <Route path="/account" component={signedIn(Account)} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

function Blank() {
  return null;
}

function NotFound() {
  const { path } = useLocation();
  if (path === '/') return null;
  return (
    <section class="page">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <a href="/library">Go to your library</a>.
      </p>
    </section>
  );
}

export function App() {
  return (
    <LocationProvider>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Gate />
    </LocationProvider>
  );
}
