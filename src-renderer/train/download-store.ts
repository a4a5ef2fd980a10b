// The renderer's view of the desktop downloads (issue 13 §1): which data sets the cache holds, the download
// under way and how the last one ended. Main downloads; this only asks and listens. One store per API, kept
// outside the pane so switching tabs mid-download loses nothing.
import type { DatasetDownloadApi, DownloadState, DownloadStatus } from '../../src-worker/protocol'
import type { DownloadableDataset } from '../../src-worker/datasets'
import { errorDetail } from '../lab/error-detail'
import { ExternalStore } from '../store/external-store'

export interface DownloadView {
  status: DownloadStatus | null
  /** the latest state main sent (running, or how the last download ended) */
  state: DownloadState | null
  /** main refused a request (a second download, a set not in the cache); its message */
  refused: string | null
}

export class DownloadStore extends ExternalStore<DownloadView> {

  constructor(private readonly api: DatasetDownloadApi) {
    super({ status: null, state: null, refused: null })
    api.onDownload((state) => {
      this.set({ state })
      if (state.state !== 'running') void this.refresh()
    })
    void this.refresh()
  }

  async refresh(): Promise<void> {
    try {
      const status = await this.api.downloadStatus()
      // a reloaded page learns of a download under way from the status
      this.set(status.active && this.state.state?.state !== 'running' ? { status, state: status.active } : { status })
    } catch (error) {
      this.set({ refused: errorDetail(error) })
    }
  }

  async start(dataset: DownloadableDataset): Promise<void> {
    this.set({ refused: null })
    try {
      await this.api.startDownload(dataset)
    } catch (error) {
      this.set({ refused: errorDetail(error) })
    }
  }

  async cancel(): Promise<void> {
    try {
      await this.api.cancelDownload()
    } catch (error) {
      this.set({ refused: errorDetail(error) })
    }
  }

  async use(dataset: DownloadableDataset): Promise<void> {
    this.set({ refused: null, state: null })
    try {
      await this.api.useDownloaded(dataset)
    } catch (error) {
      this.set({ refused: errorDetail(error) })
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
