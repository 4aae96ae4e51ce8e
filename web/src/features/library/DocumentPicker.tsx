import { useLoad } from '../../lib/ui';
import { listDocuments } from './api';

/** Checkboxes of the student's indexed documents, for what works on a selection (a study session, a quiz). */
export function DocumentPicker({ legend, selected, onChange }: { legend: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const docs = useLoad(() => listDocuments('', false), []);
  const ready = (docs.data?.items ?? []).filter((d) => d.status === 'INDEXED');
  return (
    <fieldset>
      <legend>{legend}</legend>
      {docs.data && ready.length === 0 && (
        <p>
          No indexed documents yet: upload one in your <a href="/library">library</a>.
        </p>
      )}
      {ready.map((d) => (
        <label class="inline" key={d.id}>
          <input
            type="checkbox"
            checked={selected.includes(d.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...selected, d.id] : selected.filter((x) => x !== d.id))}
          />{' '}
          {d.title}
        </label>
      ))}
    </fieldset>
  );
}
