import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Nothing to do yet: first-run onboarding is decided by the home page.
  })

  // children is the page being shown
  return children
}

export default App
