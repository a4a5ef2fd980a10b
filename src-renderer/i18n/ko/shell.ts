import type { shell as en } from '../en/shell'
import type { Messages } from '../messages'

export const shell: Messages<typeof en> = {
  title: 'Backprop Lab',
  subtitle: '밑바닥부터 시작하는 딥러닝 5장: MNIST로 보는 오차역전파법',
  edition: { desktop: '데스크톱판', browser: '브라우저판' },
  panesLabel: '화면',
  language: '언어',
  panes: {
    train: '학습',
    predict: '예측',
    gradient: '기울기 확인',
    graph: '계산 그래프',
    layers: '계층',
    step: '학습 한 단계',
    inspect: '살펴보기',
    runs: '실행 기록',
  },
}
