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
    // A form that says where the cursor goes (the MAC field after "Save and add another").
    // After a refusal the error summary takes the focus (and is read out); its links lead to each field.
    var focusing = document.querySelector('form[data-focus]');
    var target = document.getElementById('error-summary')
      || (focusing && document.getElementById(focusing.getAttribute('data-focus')));
    if (target) { target.focus(); }
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

  // Pick-lists: the search box follows the typing (htmx); ArrowDown or Enter goes to the choices, whose
  // first match is then selected, so a choice is made with the keyboard alone.
  document.addEventListener('keydown', function (e) {
    var box = e.target.closest && e.target.closest('.sb-picker-q');
    if (!box || (e.key !== 'ArrowDown' && e.key !== 'Enter')) { return; }
    var select = document.getElementById(box.getAttribute('data-picker'));
    if (!select) { return; }
    e.preventDefault();
    var first = Array.prototype.find.call(select.options, function (o) { return o.value && !o.disabled; });
    if (first && !select.value) {
      select.value = first.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    select.focus();
  });

  // A choice with a radio button (the wizard's device step): using the fields under an option selects
  // that option; choosing "none" clears what was picked or typed, so what is sent is what is seen.
  function chooseFor(field) {
    var group = field.closest && field.closest('[data-choice]');
    var radio = group && document.getElementById(group.getAttribute('data-choice'));
    if (radio && !radio.checked && !radio.disabled) { radio.checked = true; }
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-choice] select, [data-choice] input')) { chooseFor(e.target); }
    if (e.target.matches && e.target.matches('input[type="radio"][value="none"]') && e.target.checked) {
      document.querySelectorAll('[data-choice] select').forEach(function (s) { s.value = ''; });
      document.querySelectorAll('[data-choice] input:not(.sb-picker-q)').forEach(function (i) { i.value = ''; });
    }
  });
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('[data-choice] input:not(.sb-picker-q)')) { chooseFor(e.target); }
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
