export default definePageConfig({
  navigationBarTitleText: '搜索岗位',
  enablePullDownRefresh: true,
})
