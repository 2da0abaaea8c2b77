export default definePageConfig({
  navigationBarTitleText: '单位备案',
})
