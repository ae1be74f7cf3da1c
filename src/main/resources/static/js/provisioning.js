// Copy buttons of the Provisioning page: data-copy names the field whose value is copied.
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('[data-copy]');
  if (!button) { return; }
  var field = document.getElementById(button.getAttribute('data-copy'));
  field.select();
  var done = function () { button.textContent = button.getAttribute('data-copied'); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done);
  } else {
    document.execCommand('copy');
    done();
  }
});
