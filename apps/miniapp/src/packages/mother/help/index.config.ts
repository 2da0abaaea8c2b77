export default definePageConfig({
  navigationBarTitleText: '帮助与维权咨询',
})
