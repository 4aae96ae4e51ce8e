import { useLocation } from 'preact-iso';

/** The review section's own links: the queue, the cards per document, the settings. */
export function ReviewNav() {
  const { path } = useLocation();
  const links: [string, string][] = [
    ['/review', 'Due cards'],
    ['/review/cards', 'Cards per document'],
    ['/review/settings', 'Review settings'],
  ];
  return (
    <nav class="subnav" aria-label="Review">
      {links.map(([href, label]) => (
        <a key={href} href={href} aria-current={path === href ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}
