// NutUI Button with its own styles only (see README.md).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index'
export type { ButtonProps } from '@nutui/nutui-react-taro/dist/es/packages/button/index'
