import type { data as en } from '../en/data'
import type { Messages } from '../messages'

export const data: Messages<typeof en> = {
  title: '데이터',
  /** the bundled digits, by their count */
  defaultName: (count: string) => `mnist 패키지의 숫자 ${count}개 (숫자마다 80/20으로 나눔)`,
  summary: (train: string, test: string) => `: 훈련 숫자 ${train}개, 시험 숫자 ${test}개.`,
  summaryImages: (train: string, test: string) => `: 훈련 이미지 ${train}개, 시험 이미지 ${test}개.`,
  expectation: '책의 설정이면 예상 시험 정확도는 약',
  expectationDefaultNote: ' (책은 60,000개 전체 MNIST에서 0.97에 이릅니다).',
  noExpectation: '이 데이터 세트의 예상 시험 정확도는 없습니다. 책의 약 0.97은 MNIST 기준이며, 여기서는 측정하지 않았습니다.',
  labels: '레이블',
  engine: (backend: string) => `엔진: ${backend}`,
  useDefault: '기본 숫자 사용',
  openFolder: 'MNIST IDX 파일 열기…',
  get: { mnist: '전체 MNIST 받기 (60,000 + 10,000개, 약 11 MB)', fashion: 'Fashion-MNIST 받기 (약 30 MB)' },
  use: { mnist: '받아 둔 MNIST 사용', fashion: '받아 둔 Fashion-MNIST 사용' },
  titles: { mnist: 'MNIST', fashion: 'Fashion-MNIST' },
  cancel: '다운로드 취소',
  progressLabel: (title: string) => `${title} 받는 중`,
  progress: (file: string, bytes: string, total: string, percent: string, speed: string) => `${file} · ${total} 중 ${bytes} (${percent}%) · 초당 ${speed}`,
  done: (title: string, folder: string) => `${title}을(를) 받아 고정된 SHA-256과 맞는지 확인했고, 지금 불러옵니다. 보관 위치: ${folder}`,
  cancelled: (title: string) => `${title} 다운로드를 취소했습니다. 받다 만 파일은 남기지 않았습니다.`,
  failed: (title: string, file: string) => `${title}을(를) 받지 못했습니다. ${file}에 대해 모든 미러가 실패했습니다.`,
  offline: '네트워크가 없으면 IDX 파일 네 개가 든 폴더를 “MNIST IDX 파일 열기…”로 여세요.',
  unusable: (title: string, message: string) => `${title}을(를) 받거나 사용할 수 없습니다: ${message}`,
  refused: (message: string) => `다운로드가 시작되지 않았습니다: ${message}`,
  cacheFolder: (folder: string) => `받은 파일은 ${folder}에 보관됩니다.`,
  browserNote:
    '전체 MNIST나 Fashion-MNIST 다운로드는 데스크톱 앱과 명령줄(npm run data:get -- mnist)에서 할 수 있습니다. 브라우저에서는 IDX 파일 네 개가 든 폴더를 여세요.',
  fashionLabels: ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '스니커즈', '가방', '앵클 부츠'],
}
