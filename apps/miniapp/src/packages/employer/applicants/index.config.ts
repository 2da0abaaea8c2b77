export default definePageConfig({
  navigationBarTitleText: '应聘人员',
})
