// The renderer's view of the desktop downloads (issue 13 §1): which data sets the cache holds, the download
// under way and how the last one ended. Main downloads; this only asks and listens. One store per API, kept
// outside the pane so switching tabs mid-download loses nothing.
import type { DatasetDownloadApi, DownloadState, DownloadStatus } from '../../src-worker/protocol'
import type { DownloadableDataset } from '../../src-worker/datasets'

export interface DownloadView {
  status: DownloadStatus | null
  /** the latest state main sent (running, or how the last download ended) */
  state: DownloadState | null
  /** main refused a request (a second download, a set not in the cache); its message */
  refused: string | null
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '')

export class DownloadStore {
  private view: DownloadView = { status: null, state: null, refused: null }
  private readonly listeners = new Set<() => void>()

  constructor(private readonly api: DatasetDownloadApi) {
    api.onDownload((state) => {
      this.set({ state })
      if (state.state !== 'running') void this.refresh()
    })
    void this.refresh()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  getSnapshot = (): DownloadView => this.view

  private set(patch: Partial<DownloadView>): void {
    this.view = { ...this.view, ...patch }
    for (const l of this.listeners) l()
  }

  async refresh(): Promise<void> {
    try {
      const status = await this.api.downloadStatus()
      // a reloaded page learns of a download under way from the status
      this.set(status.active && this.view.state?.state !== 'running' ? { status, state: status.active } : { status })
    } catch (error) {
      this.set({ refused: messageOf(error) })
    }
  }

  async start(dataset: DownloadableDataset): Promise<void> {
    this.set({ refused: null })
    try {
      await this.api.startDownload(dataset)
    } catch (error) {
      this.set({ refused: messageOf(error) })
    }
  }

  async cancel(): Promise<void> {
    try {
      await this.api.cancelDownload()
    } catch (error) {
      this.set({ refused: messageOf(error) })
    }
  }

  async use(dataset: DownloadableDataset): Promise<void> {
    this.set({ refused: null, state: null })
    try {
      await this.api.useDownloaded(dataset)
    } catch (error) {
      this.set({ refused: messageOf(error) })
      void this.refresh()
    }
  }
}

const stores = new WeakMap<DatasetDownloadApi, DownloadStore>()
export function downloadStoreFor(api: DatasetDownloadApi): DownloadStore {
  let store = stores.get(api)
  if (!store) stores.set(api, (store = new DownloadStore(api)))
  return store
}
