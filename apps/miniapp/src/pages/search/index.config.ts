export default definePageConfig({
  navigationBarTitleText: '搜索岗位',
})
