// Stylesheets do nothing in tests.
export default {}
