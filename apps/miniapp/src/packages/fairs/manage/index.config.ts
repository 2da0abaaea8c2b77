export default definePageConfig({
  navigationBarTitleText: '招聘会管理',
})
