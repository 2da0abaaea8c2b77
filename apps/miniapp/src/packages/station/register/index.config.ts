export default definePageConfig({
  navigationBarTitleText: '求职登记',
})
