import { useEffect, useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { getSettings, queueChanged, saveSettings, type ReviewSettings } from './api';
import { ReviewNav } from './ReviewNav';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
/** The zones the browser knows (Intl.supportedValuesOf), else just the student's own and UTC. */
const zones = (): string[] => {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  return supported && supported.length > 0 ? supported : [...new Set([browserZone(), 'UTC'])];
};

export function Settings() {
  const loaded = useLoad(getSettings, []);
  const [form, setForm] = useState<ReviewSettings>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => loaded.data && setForm(loaded.data), [loaded.data]);
  const change = (patch: Partial<ReviewSettings>) => (setSaved(false), setForm((f) => f && { ...f, ...patch }));
  return (
    <Page title="Review settings">
      <ReviewNav />
      <ErrorLine error={loaded.error ?? error} />
      {form && (
        <form
          class="settings"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(undefined);
            try {
              setForm(await saveSettings(form));
              setSaved(true);
              queueChanged();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <label>
            Desired retention: {Math.round(form.desiredRetention * 100)}%
            <input
              type="range"
              min={0.7}
              max={0.97}
              step={0.01}
              value={form.desiredRetention}
              onInput={(e) => change({ desiredRetention: Number(e.currentTarget.value) })}
            />
          </label>
          <p class="meta">Higher means more reviews, and fewer cards forgotten by the time they come back.</p>
          <label>
            New cards per day
            <input type="number" min={0} max={1000} value={form.newPerDay} onInput={(e) => change({ newPerDay: Number(e.currentTarget.value) })} />
          </label>
          <label>
            Reviews per day
            <input type="number" min={0} max={10000} value={form.reviewsPerDay} onInput={(e) => change({ reviewsPerDay: Number(e.currentTarget.value) })} />
          </label>
          <label>
            Time zone (when your review day starts)
            <select value={form.timeZone} onChange={(e) => change({ timeZone: e.currentTarget.value })}>
              {[...new Set([form.timeZone, ...zones()])].map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          {form.timeZone !== browserZone() && (
            <button type="button" class="link" onClick={() => change({ timeZone: browserZone() })}>
              Use this device's time zone ({browserZone()})
            </button>
          )}
          <p>
            <button type="submit">Save settings</button>
          </p>
          {saved && <p role="status">Saved.</p>}
        </form>
      )}
    </Page>
  );
}
