// Switchboard pages: CSRF for htmx requests, toasts, and small conveniences. No build step.
(function () {
  'use strict';

  function showToast(text, level) {
    var template = document.getElementById('toast-template');
    var area = document.getElementById('toasts');
    if (!template || !area) { return; }
    var toast = template.content.firstElementChild.cloneNode(true);
    toast.querySelector('.toast-body').textContent = text;
    if (level === 'warning') { toast.classList.replace('text-bg-success', 'text-bg-warning'); }
    if (level === 'danger') { toast.classList.replace('text-bg-success', 'text-bg-danger'); }
    area.appendChild(toast);
    window.bootstrap.Toast.getOrCreateInstance(toast).show();
  }
  window.switchboardToast = showToast;

  document.addEventListener('DOMContentLoaded', function () {
    document.documentElement.classList.add('sb-js');
    document.querySelectorAll('#toasts .toast').forEach(function (t) {
      window.bootstrap.Toast.getOrCreateInstance(t).show();
    });
    document.querySelectorAll('select.sb-autosubmit').forEach(function (s) {
      s.addEventListener('change', function () { s.form.requestSubmit(); });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
      });
    });
  });

  // "Select all" of a table: the checkbox names the checkboxes it drives; delegated, so it survives htmx swaps.
  document.addEventListener('change', function (e) {
    var all = e.target.closest && e.target.closest('[data-select-all]');
    if (!all) { return; }
    var table = all.closest('table');
    table.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute('data-select-all') + '"]')
      .forEach(function (box) { box.checked = all.checked; });
  });

  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // A partial update that failed (server error, connection lost) must not fail silently.
  function requestFailed() {
    var area = document.getElementById('toasts');
    if (area) { showToast(area.getAttribute('data-request-failed'), 'danger'); }
  }
  document.addEventListener('htmx:responseError', requestFailed);
  document.addEventListener('htmx:sendError', requestFailed);

  // The server announces finished work with an HX-Trigger header: {"toast": {"text": "...", "level": "success"}}.
  document.addEventListener('toast', function (e) {
    showToast(e.detail.text, e.detail.level);
  });
})();
