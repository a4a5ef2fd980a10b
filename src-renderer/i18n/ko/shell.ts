import type { shell as en } from '../en/shell'
import type { Messages } from '../messages'

export const shell: Messages<typeof en> = {
  title: 'Backprop Lab',
  subtitle: '밑바닥부터 시작하는 딥러닝 5장: MNIST로 보는 오차역전파법',
  edition: { desktop: '데스크톱판', browser: '브라우저판' },
  panesLabel: '화면',
  language: '언어',
  /** inside Electron with no preload bridge (src-renderer/lab/choose-lab.ts) */
  bridgeMissing: {
    title: "데스크톱판을 시작할 수 없습니다",
    body: "학습 워커로 이어지는 Backprop Lab의 연결(프리로드 스크립트)이 로드되지 않아, 이 창에서는 학습·예측·실행 기록 저장을 할 수 없습니다. 잃은 것은 없습니다. 실행 기록과 모델은 앱 데이터 폴더에 파일로 남아 있습니다.",
    hint: "Backprop Lab을 다시 설치하거나, 터미널에서 실행해 출력된 오류를 확인하고 알려 주세요.",
  },
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
