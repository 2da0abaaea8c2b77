export default definePageConfig({
  navigationBarTitleText: '招聘会详情',
})
