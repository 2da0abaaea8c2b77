export default definePageConfig({
  navigationBarTitleText: '宝妈档案',
})
