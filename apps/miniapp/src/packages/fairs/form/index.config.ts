export default definePageConfig({
  navigationBarTitleText: '发布招聘会',
})
