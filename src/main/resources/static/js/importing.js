// Upload form of the device import: a file over the size limit is refused before it is sent, since the
// server would only read its first megabytes to say the same.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('import-form');
    var input = document.getElementById('import-file');
    if (!form || !input) { return; }
    var max = Number(form.getAttribute('data-max-bytes'));
    form.addEventListener('submit', function (e) {
      var file = input.files && input.files[0];
      if (file && max && file.size > max) {
        e.preventDefault();
        input.setCustomValidity(form.getAttribute('data-too-large'));
        input.reportValidity();
      }
    });
    input.addEventListener('change', function () { input.setCustomValidity(''); });
  });
})();
