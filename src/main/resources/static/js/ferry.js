// Progressive enhancement only: every page works without this file.
// "Select all" for the inbox list: the box is hidden in the HTML and shown here, where it can work.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    var form = all.form;
    var boxes = form ? form.querySelectorAll('input[type=checkbox][name=ids]') : [];
    if (boxes.length === 0) {
      return;
    }
    all.closest('label').hidden = false;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  });
});
