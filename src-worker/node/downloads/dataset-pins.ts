// The pinned files of MNIST and Fashion-MNIST and the mirrors that serve them (issue 13 §1).
//
// Sizes and SHA-256 are TensorFlow Datasets' url_checksums:
//   https://github.com/tensorflow/datasets/blob/master/tensorflow_datasets/url_checksums/mnist.txt
//   https://github.com/tensorflow/datasets/blob/master/tensorflow_datasets/url_checksums/fashion_mnist.txt
// Mirrors, in order: torchvision's MNIST.mirrors (pytorch/vision torchvision/datasets/mnist.py: ossci-datasets; its
// other entry, yann.lecun.com/exdb/mnist/, is not used here) and the host in TFDS's url_checksums (cvdf-datasets).
// Fashion-MNIST has one host, the one both torchvision's FashionMNIST.mirrors and TFDS use.
// None of them is reachable from the machine this was written on; the downloader is tested against a local server.
import type { DatasetFileName, DownloadableDataset } from '../../datasets'

export interface FilePin {
  size: number
  /** lowercase hex */
  sha256: string
}

export type Manifest = Record<DatasetFileName, FilePin>

export interface DatasetPins {
  /** what the user reads, e.g. "MNIST" */
  title: string
  /** base URLs ending in '/', tried in order */
  mirrors: readonly string[]
  files: Manifest
}

export const DATASET_PINS: Record<DownloadableDataset, DatasetPins> = {
  mnist: {
    title: 'MNIST',
    mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/', 'https://storage.googleapis.com/cvdf-datasets/mnist/'],
    files: {
      'train-images-idx3-ubyte.gz': { size: 9912422, sha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609' },
      'train-labels-idx1-ubyte.gz': { size: 28881, sha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c' },
      't10k-images-idx3-ubyte.gz': { size: 1648877, sha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6' },
      't10k-labels-idx1-ubyte.gz': { size: 4542, sha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6' },
    },
  },
  fashion: {
    title: 'Fashion-MNIST',
    mirrors: ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'],
    files: {
      'train-images-idx3-ubyte.gz': { size: 26421880, sha256: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84' },
      'train-labels-idx1-ubyte.gz': { size: 29515, sha256: 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845' },
      't10k-images-idx3-ubyte.gz': { size: 4422102, sha256: '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073' },
      't10k-labels-idx1-ubyte.gz': { size: 5148, sha256: '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5' },
    },
  },
}

/** The sum of a manifest's pinned sizes: the bytes a full download moves. */
export function manifestBytes(files: Manifest): number {
  return Object.values(files).reduce((sum, pin) => sum + pin.size, 0)
}
