import type { inspect as en } from '../en/inspect'
import type { Messages } from '../messages'

export const inspect: Messages<typeof en> = {
  title: '살펴보기',
  book: '5.7.2 TwoLayerNet의 안쪽',
  lead: '학습 중에는 에폭이 끝날 때마다(최대 1초에 한 번), 그리고 학습이 끝나면 새로 고칩니다.',
  untrained: '신경망이 아직 학습하지 않았습니다: 무작위 초깃값입니다. 학습하거나 모델을 불러오세요.',
  tilesTitle: (n) => `W1: 은닉 뉴런 ${n}개가 각각 찾는 것`,
  tilesLabel: (n) => `W1의 열 ${n}개를 28×28 이미지로 나타낸 것`,
  tilesHint: (max) => `회색은 0, 흰색은 양수, 검은색은 음수이며 모든 타일이 같은 눈금(±${max})을 씁니다. 타일을 고르면 크게 보입니다.`,
  tileButton: (unit) => `은닉 뉴런 ${unit} 크게 보기`,
  enlarged: (unit) => `은닉 뉴런 ${unit} 확대`,
  closeEnlarged: '닫기',
  confusionTitle: '혼동 행렬 (시험 데이터)',
  confusionCaption: '행: 실제 숫자, 열: 예측한 숫자',
  confusionCorner: '실제 \\ 예측',
  wrongTitle: (n) => `잘못 분류한 시험 숫자 (${n}개)`,
  wrongNone: '잘못 분류한 시험 숫자가 없습니다.',
  wrongItem: (label, predicted, confidence) => `${label} → ${predicted} (${confidence})`,
  wrongCanvas: (index, label, predicted) => `시험 숫자 #${index}: 정답 ${label}, 예측 ${predicted}`,
  openInPredict: (index) => `시험 숫자 #${index}을(를) 예측 화면에서 열기`,
  page: (from, to, total) => `${total}개 중 ${from}–${to}`,
  previous: '이전',
  next: '다음',
  showAll: '모두 보기',
  showPaged: '나누어 보기',
  paging: '잘못 분류한 숫자 페이지',
}
