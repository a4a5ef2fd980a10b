import { useSyncExternalStore } from 'react'
import type { DatasetDownloadApi, DownloadState } from '../../src-worker/protocol'
import { DOWNLOADABLE_DATASETS } from '../../src-worker/datasets'
import { formatBytes } from '../../src-worker/format-bytes'
import { useI18n, type T } from '../i18n'
import { downloadStoreFor } from './download-store'

/** How the last download ended, in the user's words; running states are drawn as the progress bar instead. */
function outcome(t: T, state: DownloadState): { text: string; attempts?: { url: string; reason: string }[]; error: boolean } | null {
  const title = t.data.titles[state.dataset]
  switch (state.state) {
    case 'running':
      return null
    case 'done':
      return { text: t.data.done(title, state.folder), error: false }
    case 'cancelled':
      return { text: t.data.cancelled(title), error: false }
    case 'failed':
      return { text: t.data.failed(title, state.file), attempts: state.attempts, error: true }
    case 'error':
      return { text: t.data.unusable(title, state.message), error: true }
  }
}

/** Desktop: get the full MNIST or Fashion-MNIST (main downloads), a progress bar with Cancel, and "use the downloaded …". */
export function DownloadPanel({ api, busy }: { api: DatasetDownloadApi; busy: boolean }) {
  const { t, num } = useI18n()
  const store = downloadStoreFor(api)
  const { status, state, refused } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  const running = state?.state === 'running' ? state : null
  const ended = state ? outcome(t, state) : null
  return (
    <div className="downloads" data-testid="downloads">
      <div className="controls">
        {DOWNLOADABLE_DATASETS.map((dataset) =>
          status?.cached.includes(dataset) ? (
            <button key={dataset} disabled={busy || running !== null} onClick={() => void store.use(dataset)}>
              {t.data.use[dataset]}
            </button>
          ) : (
            <button key={dataset} disabled={running !== null} onClick={() => void store.start(dataset)}>
              {t.data.get[dataset]}
            </button>
          ),
        )}
      </div>
      {running && (
        <div className="download-progress" role="group" aria-label={t.data.progressLabel(t.data.titles[running.dataset])}>
          <progress max={100} value={running.percent} aria-label={t.data.progressLabel(t.data.titles[running.dataset])} />
          <span data-testid="download-progress">
            {t.data.progress(running.file, formatBytes(running.bytes), formatBytes(running.total), num(Math.floor(running.percent)), formatBytes(running.bytesPerSecond))}
          </span>
          <button onClick={() => void store.cancel()}>{t.data.cancel}</button>
        </div>
      )}
      {ended && (
        <div role={ended.error ? 'alert' : 'status'} className={ended.error ? 'error' : 'hint'} data-testid="download-outcome">
          <p>{ended.text}</p>
          {ended.attempts && (
            <ul>
              {ended.attempts.map((a) => (
                <li key={a.url}>
                  <code>{a.url}</code>: {a.reason}
                </li>
              ))}
            </ul>
          )}
          {ended.error && <p>{t.data.offline}</p>}
        </div>
      )}
      {refused && (
        <p role="alert" className="error">
          {t.data.refused(refused)}
        </p>
      )}
      {status && <p className="hint">{t.data.cacheFolder(status.cacheFolder)}</p>}
    </div>
  )
}
