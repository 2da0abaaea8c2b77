import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { watchPrivacyRequests } from './services/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // WeChat asks the app to show its privacy notice before the first privacy API call.
    watchPrivacyRequests()
  })

  // children is the page being shown
  return children
}

export default App
