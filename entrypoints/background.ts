export default defineBackground(() => {
  console.log('erratum background');
});
