import { useState } from 'preact/hooks';
import { ErrorLine, formatBytes, Page, useLoad } from '../../lib/ui';
import { deleteDocument, isSettled, listDocuments, ocrPagesLabel, updateDocument, upload, usage, type LibraryDocument, type Progress } from './api';
import { useLiveProgress } from './useLiveProgress';

interface UploadState {
  name: string;
  error?: unknown;
  done?: boolean;
}

export function Library() {
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState(false);
  const docs = useLoad(() => listDocuments(query.trim(), archived), [query, archived]);
  const quota = useLoad(usage, [docs.data]);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [dragging, setDragging] = useState(false);
  const items = docs.data?.items ?? [];
  const pending = items.filter((d) => !isSettled(d.status)).map((d) => d.id);
  const { progress, live, liveEvents } = useLiveProgress(pending, docs.reload);

  const addFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const list = Array.from(files);
    setUploads((u) => [...list.map((f) => ({ name: f.name })), ...u]);
    await Promise.all(
      list.map(async (file) => {
        let result: Partial<UploadState> = { done: true };
        try {
          await upload(file);
        } catch (error) {
          result = { error };
        }
        setUploads((u) => u.map((x) => (x.name === file.name && !x.done && !x.error ? { ...x, ...result } : x)));
      }),
    );
    docs.reload();
  };

  return (
    <Page title="Your library">
      {quota.data && (
        <p class="usage">
          <label>
            Storage: {formatBytes(quota.data.bytesUsed)} of {formatBytes(quota.data.bytesQuota)} · {quota.data.documents} of{' '}
            {quota.data.documentsQuota} documents
            <progress max={quota.data.bytesQuota} value={quota.data.bytesUsed} />
          </label>
        </p>
      )}
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(e.dataTransfer?.files ?? null);
        }}
      >
        <p>Drop PDFs here, or</p>
        <label class="button">
          Choose PDF files
          <input
            type="file"
            accept="application/pdf,.pdf"
            multiple
            class="visually-hidden"
            onChange={(e) => {
              void addFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {uploads.length > 0 && (
          <ul class="uploads" aria-label="Uploads">
            {uploads.map((u, i) => (
              <li key={i}>
                {u.name}: {u.error ? <ErrorLine error={u.error} /> : u.done ? 'uploaded' : 'uploading…'}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="toolbar" role="search">
        <label>
          Search titles
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} /> Show archived
        </label>
      </div>
      <ErrorLine error={docs.error} />
      {docs.data && items.length === 0 && <p>No documents yet. Upload a PDF to start studying.</p>}
      {pending.length > 0 && (
        <p class="meta" role="status">
          {live ? 'Indexing progress arrives live.' : 'Checking the indexing progress every second.'}
        </p>
      )}
      <ul class="documents" aria-label="Documents" data-live={String(live)} data-live-events={liveEvents}>
        {items.map((doc) => (
          <DocumentRow key={doc.id} doc={doc} progress={progress[doc.id]} changed={docs.reload} />
        ))}
      </ul>
    </Page>
  );
}

const STATUS_LABEL: Record<string, string> = {
  QUEUED: 'Waiting',
  PROCESSING: 'Indexing',
  INDEXED: 'Ready',
  FAILED: 'Failed',
  NEEDS_OCR: 'Needs text recognition',
};

function DocumentRow({ doc, progress, changed }: { doc: LibraryDocument; progress?: Progress; changed: () => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const [tags, setTags] = useState(doc.tags.join(', '));
  const [error, setError] = useState<unknown>();
  const status = progress?.status ?? doc.status;
  const reason = progress?.failureReason ?? doc.failureReason;
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      setEditing(false);
      changed();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li class="card document" data-status={status}>
      <div class="row">
        <h2>{status === 'INDEXED' ? <a href={`/reader/${doc.id}`}>{doc.title}</a> : doc.title}</h2>
        <span class={`badge ${status.toLowerCase()}`}>{STATUS_LABEL[status] ?? status}</span>
      </div>
      {!isSettled(status) && (
        <label class="progress">
          {progress?.pagesTotal ? `${progress.pagesDone ?? 0} of ${progress.pagesTotal} pages indexed` : 'Preparing…'}
          <progress max={progress?.pagesTotal ?? undefined} value={progress?.pagesTotal ? (progress.pagesDone ?? 0) : undefined} />
        </label>
      )}
      {(status === 'FAILED' || status === 'NEEDS_OCR') && reason && <p class="error">{reason}</p>}
      <p class="meta">
        {doc.pageCount ? `${doc.pageCount} pages · ` : ''}
        {doc.ocrPages ? `${ocrPagesLabel(doc.ocrPages)} · ` : ''}
        {doc.sizeBytes ? `${formatBytes(doc.sizeBytes)} · ` : ''}
        {doc.tags.length > 0 ? `tags: ${doc.tags.join(', ')}` : 'no tags'}
        {doc.archived ? ' · archived' : ''}
      </p>
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() =>
              updateDocument(doc.id, {
                title: title.trim(),
                tags: tags
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              }),
            );
          }}
        >
          <label>
            Title
            <input required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            Tags (comma-separated)
            <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <button type="submit">Save</button>
          <button type="button" class="secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setEditing(true)} aria-label={`Rename / tags of ${doc.title}`}>
            Rename / tags
          </button>
          <button type="button" class="secondary" onClick={() => act(() => updateDocument(doc.id, { archived: !doc.archived }))}>
            {doc.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button
            type="button"
            class="danger"
            aria-label={`Delete ${doc.title}`}
            onClick={() => confirm(`Delete "${doc.title}" and everything built from it?`) && act(() => deleteDocument(doc.id))}
          >
            Delete
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </li>
  );
}
