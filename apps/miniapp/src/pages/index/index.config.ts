export default definePageConfig({
  navigationBarTitleText: '妈妈岗',
  enablePullDownRefresh: true,
})
