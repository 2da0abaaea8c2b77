export default definePageConfig({
  navigationBarTitleText: '登录妈妈岗',
})
