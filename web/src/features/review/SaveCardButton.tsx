import { useState } from 'preact/hooks';
import { describe } from '../../lib/api';
import { queueChanged } from './api';

/**
 * "Save as card" beside something worth reviewing (a quiz result question, a chat citation). quiz-service answers an
 * existing card for the same thing asked, so a second click saves nothing twice.
 */
export function SaveCardButton({ label, save }: { label: string; save: () => Promise<unknown> }) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>();
  if (state === 'saved')
    return (
      <span class="saved-card" role="status">
        Saved for review
      </span>
    );
  return (
    <>
      <button
        type="button"
        class="small"
        aria-label={label}
        disabled={state === 'saving'}
        onClick={() => {
          setState('saving');
          setError(undefined);
          save().then(
            () => (setState('saved'), queueChanged()),
            (e) => (setState('idle'), setError(e)),
          );
        }}
      >
        Save as card
      </button>
      {error !== undefined && (
        <span class="error" role="alert">
          {' '}
          {describe(error)}
        </span>
      )}
    </>
  );
}
