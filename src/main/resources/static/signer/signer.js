// The signer page: shows the signer's contracts of a group and signs or rejects them all at once
// through /sign/api/<token>. Every text from the server is set with textContent, never as markup.
// Framed by an application, it tells the parent page what happens (loaded, signed, rejected, failed)
// with postMessage, addressed only to the origins the server allows to frame it (docs/api.md).
(function () {
  'use strict';

  const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  // a preview link shows a contract not yet created, read-only
  const preview = location.pathname.startsWith('/sign/preview/');
  const api = (preview ? '/sign/preview-api/' : '/sign/api/') + encodeURIComponent(token);
  const $ = (id) => document.getElementById(id);
  const controls = window.SignerFillControls;
  const STATES = {
    TO_SIGN: '请签署下列合同 · Please sign the contracts below',
    WAITING: '请等待前一位签署人签署 · Waiting for an earlier signer',
    DONE: '您已签署全部合同 · You have signed everything',
    ENDED: '合同已结束，无需操作 · Nothing left to do',
    READ_ONLY: '抄送给您查阅，无需签署 · Copied to you to read; nothing to sign',
    PREVIEW: '预览：合同尚未发起，无法签署 · Preview: this contract has not been sent and cannot be signed'
  };
  const STATUS = { 1: '待签署 · to sign', 2: '部分签署 · partly signed', 3: '已拒签 · rejected', 4: '已完成 · completed',
    5: '已过期 · expired', 6: '已撤销 · cancelled', 0: '待补充签署人 · awaiting signers', 8: '待补充签署人 · awaiting signers' };
  let view = null;
  let inked = false;
  const embedOrigins = (document.querySelector('meta[name="signflow-embed-origins"]').content || '')
    .split(' ').filter(Boolean);

  // A message reaches the parent only if its origin is the target given, so each allowed origin is
  // tried and the browser drops the rest; '*' is never used.
  function announce(event, details) {
    if (window.parent === window) return;
    const message = Object.assign({ source: 'signflow-signer', version: 1, event: event, state: null, flowIds: [],
      jumpUrl: null }, details);
    embedOrigins.forEach((origin) => window.parent.postMessage(message, origin));
  }

  function outcome(data, flowIds) {
    return { state: data.state, flowIds: flowIds, jumpUrl: data.jumpUrl || null };
  }

  function acted(before, after, approveStatus) {
    const open = new Set(before.contracts.filter((c) => c.canSign || c.canReject).map((c) => c.flowId));
    return after.contracts.filter((c) => open.has(c.flowId) && c.approveStatus === approveStatus).map((c) => c.flowId);
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function call(method, path, body) {
    const response = await fetch(api + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      cache: 'no-store'
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.detail || data.title || ('Error ' + response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function renderContract(contract) {
    const box = el('article', null, 'contract');
    box.dataset.flowId = contract.flowId;
    box.appendChild(el('h3', contract.flowName));
    if (contract.flowStatus != null) {
      box.appendChild(el('p', STATUS[contract.flowStatus] || String(contract.flowStatus), 'muted status'));
    }
    if (contract.message) box.appendChild(el('p', contract.message, 'muted'));
    if (contract.awaitingReview) box.appendChild(el('p', '签署审核中，审核通过后方可签署 · Awaiting the initiator’s review before you can sign', 'muted review'));
    if (contract.description) box.appendChild(el('p', contract.description, 'muted'));
    if (!contract.pages.length) return box;

    let current = 1;
    const page = el('div', null, 'page');
    const img = el('img');
    img.alt = contract.flowName;
    page.appendChild(img);
    const pager = el('div', null, 'pager');
    const previous = el('button', '‹', 'secondary');
    const label = el('span');
    const next = el('button', '›', 'secondary');
    previous.type = next.type = 'button';
    previous.setAttribute('aria-label', 'Previous page');
    next.setAttribute('aria-label', 'Next page');
    pager.append(previous, label, next);

    function show(n) {
      current = n;
      const size = contract.pages[n - 1];
      img.src = api + '/flows/' + encodeURIComponent(contract.flowId) + '/files/0/pages/' + n + '.png';
      page.querySelectorAll('.field').forEach((f) => f.remove());
      contract.fields.filter((f) => f.page === n && !controls.isOverlay(f)).forEach((f) => {
        const mark = el('div', fieldLabel(f), 'field');
        mark.style.left = (100 * f.x / size.width) + '%';
        mark.style.top = (100 * f.y / size.height) + '%';
        mark.style.width = (100 * f.width / size.width) + '%';
        mark.style.height = (100 * f.height / size.height) + '%';
        page.appendChild(mark);
      });
      controls.drawOverlays(page, contract, size);
      label.textContent = n + ' / ' + contract.pages.length;
      previous.disabled = n === 1;
      next.disabled = n === contract.pages.length;
    }
    previous.addEventListener('click', () => show(current - 1));
    next.addEventListener('click', () => show(current + 1));
    box.append(page, pager);
    show(firstFieldPage(contract));
    return box;
  }

  function firstFieldPage(contract) {
    const pages = contract.fields.filter((f) => !controls.isOverlay(f)).map((f) => f.page)
      .filter((p) => p >= 1 && p <= contract.pages.length);
    return pages.length ? Math.min.apply(null, pages) : 1;
  }

  function fieldLabel(f) {
    return f.owner ? f.owner + ' · ' + (f.value || controlLabel(f)) : controlLabel(f);
  }

  function controlLabel(f) {
    switch (f.type) {
      case 'SIGN_SIGNATURE': return '签名 · signature';
      case 'SIGN_SEAL': return '盖章 · seal';
      case 'SIGN_PAGING_SEAL': return '骑缝章 · paging seal';
      case 'SIGN_DATE': return '签署日期 · date (automatic)';
      default: return window.SignControls.label(f) || f.name || f.type;
    }
  }

  function renderFills(contracts) {
    const fills = $('fills');
    fills.replaceChildren();
    const open = contracts.filter((c) => c.canSign).flatMap((c) => c.fields.map((f) => ({ contract: c, field: f })))
      .filter((x) => !x.field.type.startsWith('SIGN_') && !controls.isOverlay(x.field));
    open.forEach(({ contract, field }) => {
      const id = 'fill-' + field.id;
      const label = el('label', contract.flowName + ' · ' + (field.name || field.type) + (field.required ? ' *' : ''));
      label.htmlFor = id;
      let input = controls.input(field, api);
      if (input) {
        // a district, table or attachment input from fill-controls.js
      } else if (field.type === 'SELECTOR') {
        input = el('select');
        input.appendChild(el('option', ''));
        field.choices.forEach((choice) => {
          const option = el('option', choice);
          option.value = choice;
          input.appendChild(option);
        });
      } else if (field.type === 'CHECK_BOX') {
        input = el('input');
        input.type = 'checkbox';
        input.checked = field.value === 'true';
      } else if (field.type === 'MULTI_LINE_TEXT') {
        input = el('textarea');
      } else {
        input = el('input');
        input.type = field.type === 'DATE' ? 'date' : 'text';
      }
      input.id = id;
      input.dataset.fieldId = field.id;
      input.dataset.type = field.type;
      if (field.value && 'value' in input && field.type !== 'CHECK_BOX') input.value = field.value;
      fills.append(label, input);
    });
    $('fills-section').hidden = open.length === 0;
  }

  function fillValues() {
    const values = {};
    document.querySelectorAll('#fills [data-field-id]').forEach((input) => {
      const own = controls.value(input);
      values[input.dataset.fieldId] = own !== undefined ? own
        : input.dataset.type === 'CHECK_BOX' ? String(input.checked) : input.value;
    });
    return values;
  }

  function render(data) {
    view = data;
    renderJump(data);
    $('group-name').textContent = data.groupName;
    $('initiator').textContent = '发起方 · From: ' + data.initiator;
    $('signer').textContent = data.signer
      ? (data.readOnly ? '抄送 · Copied to: ' : '签署人 · Signer: ')
        + [data.signer.organization, data.signer.name, data.signer.mobile].filter(Boolean).join(' ')
      : '签署方 · Signers: ' + data.signers.join('，');
    $('state').textContent = STATES[data.state] || data.state;
    $('state').dataset.state = data.state;
    const list = $('contracts');
    list.replaceChildren();
    data.contracts.forEach((c) => list.appendChild(renderContract(c)));

    const canAct = data.state === 'TO_SIGN' && !data.viewLocked;
    $('view-lock').hidden = !data.viewLocked;
    $('act').hidden = !canAct;
    if (!canAct) return;
    renderFills(data.contracts);
    window.SignControls.render(data);
    $('signature-section').hidden = !data.needsSignature;
    $('seal-section').hidden = !data.needsSeal;
    const seals = $('seal-choice');
    seals.replaceChildren();
    data.seals.forEach((s) => {
      const option = el('option', s.name);
      option.value = s.sealId;
      seals.appendChild(option);
    });
    seals.hidden = data.seals.length === 0;
    $('seal-note').hidden = data.seals.length > 0;
    $('reject-section').hidden = !data.contracts.some((c) => c.canReject);
  }

  function renderJump(data) {
    const usable = /^https?:\/\//i.test(data.jumpUrl || '') && (data.state === 'DONE' || data.state === 'ENDED');
    if (usable) $('jump').href = data.jumpUrl;
    $('jump-section').hidden = !usable;
  }

  function setupPad() {
    const canvas = $('signature-pad');
    const ctx = canvas.getContext('2d');
    ctx.lineWidth = 5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    let drawing = false;
    function point(e) {
      const r = canvas.getBoundingClientRect();
      return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
    }
    canvas.addEventListener('pointerdown', (e) => {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      const [x, y] = point(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drawing) return;
      const [x, y] = point(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      inked = true;
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach((type) => canvas.addEventListener(type, () => { drawing = false; }));
    $('clear-signature').addEventListener('click', () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      inked = false;
    });
  }

  function failed(action, e) {
    showError(e.message);
    announce('failed', { state: view ? view.state : null, jumpUrl: view ? view.jumpUrl || null : null,
      action: action, status: e.status || null, message: e.message });
  }

  async function act(button, action, work) {
    showError('');
    button.disabled = true;
    const before = view;
    try {
      const after = await work();
      render(after);
      if (action === 'sign' || action === 'reject') {
        announce(action === 'sign' ? 'signed' : 'rejected',
          outcome(after, acted(before, after, action === 'sign' ? 3 : 4)));
      }
    } catch (e) {
      failed(action, e);
    } finally {
      button.disabled = false;
    }
  }

  function setupActions() {
    $('send-code').addEventListener('click', async () => {
      showError('');
      try {
        const sent = await call('POST', '/code');
        const note = $('code-sent');
        note.textContent = '验证码已发送至 · Code sent to ' + sent.mobile;
        note.hidden = false;
        $('code').focus();
      } catch (e) {
        failed('code', e);
      }
    });
    $('sign').addEventListener('click', () => act($('sign'), 'sign', async () => {
      await controls.settled();
      const body = { code: $('code').value.trim(), fills: fillValues() };
      if (view.needsSignature && !window.SignControls.generated()) {
        if (!inked) return Promise.reject(new Error('请先签名 · Draw your signature first.'));
        body.signatureImage = $('signature-pad').toDataURL('image/png');
      }
      if (view.needsSeal && view.seals.length) body.sealId = $('seal-choice').value;
      window.SignControls.addTo(body, view);
      return call('POST', '/sign', body);
    }));
    $('reject').addEventListener('click', () => act($('reject'), 'reject', () =>
      call('POST', '/reject', { code: $('code').value.trim(), reason: $('reject-reason').value.trim() })));
  }

  setupPad();
  setupActions();
  window.SignControls.setup();
  $('view-send-code').addEventListener('click', () => call('POST', '/code').then(() => $('view-code').focus(),
    (e) => showError(e.message)));
  $('view-unlock').addEventListener('click', () => act($('view-unlock'), 'view', () =>
    call('POST', '/view', { code: $('view-code').value.trim() })));
  call('GET', '').then((data) => {
    render(data);
    announce('loaded', outcome(data, data.contracts.map((c) => c.flowId)));
  }).catch((e) => {
    $('group-name').textContent = '无法打开 · Cannot open this link';
    failed('open', e);
  });
})();
