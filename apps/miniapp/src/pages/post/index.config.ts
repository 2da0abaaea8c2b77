export default definePageConfig({
  navigationBarTitleText: '岗位详情',
  // useShareAppMessage: "分享给好友" sends this post to a WeChat friend.
  enableShareAppMessage: true,
})
