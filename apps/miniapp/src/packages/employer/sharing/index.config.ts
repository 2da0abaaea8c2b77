export default definePageConfig({
  navigationBarTitleText: '用工余缺调剂',
})
