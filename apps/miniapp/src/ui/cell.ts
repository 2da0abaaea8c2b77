// NutUI Cell and CellGroup with their own styles only (see README.md).
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'

export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/index'
