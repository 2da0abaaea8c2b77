export default definePageConfig({
  navigationBarTitleText: '欢迎使用妈妈岗',
})
