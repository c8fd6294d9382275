// The signer page's part for the sign controls beyond seal, signature and date: the opinion and the
// signing-approval parts the signer writes or picks, the legal representative's seal, and whether the
// signature is drawn or generated from the name. signer.js calls it; text is set with textContent only.
(function () {
  'use strict';

  const TEXTS = ['SIGN_OPINION', 'SIGN_SELECTOR', 'SIGN_MULTI_LINE_TEXT'];
  const LABELS = {
    SIGN_LEGAL_PERSON_SEAL: '法定代表人章 · legal representative\'s seal',
    SIGN_OPINION: '签署意见 · opinion',
    SIGN_PAGING_SIGNATURE: '骑缝签名 · paging signature',
    SIGN_VIRTUAL_COMBINATION: '签批 · sign and approve',
    SIGN_SELECTOR: '审批意见 · approval',
    SIGN_MULTI_LINE_TEXT: '批注附言 · comment'
  };
  const $ = (id) => document.getElementById(id);

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // the text controls of contracts that can be signed now, each with its input
  function renderTexts(contracts) {
    const box = $('sign-texts');
    box.replaceChildren();
    const open = contracts.filter((c) => c.canSign)
      .flatMap((c) => c.fields.filter((f) => TEXTS.includes(f.type)).map((f) => ({ contract: c, field: f })));
    open.forEach(({ contract, field }) => {
      const id = 'sign-text-' + field.id;
      const label = el('label', contract.flowName + ' · ' + (field.name || LABELS[field.type])
        + (field.required ? ' *' : ''));
      label.htmlFor = id;
      let input;
      if (field.type === 'SIGN_SELECTOR') {
        input = el('select');
        input.appendChild(el('option', ''));
        field.choices.forEach((choice) => {
          const option = el('option', choice);
          option.value = choice;
          input.appendChild(option);
        });
      } else if (field.type === 'SIGN_MULTI_LINE_TEXT') {
        input = el('textarea');
      } else {
        input = el('input');
        input.maxLength = 50;
        // an opinion the initiator set is confirmed as it stands
        if (field.value) {
          input.value = field.value;
          input.readOnly = true;
        }
      }
      input.id = id;
      input.dataset.signTextId = field.id;
      box.append(label, input);
    });
    $('sign-texts-section').hidden = open.length === 0;
  }

  function renderLegalSeals(view) {
    const select = $('legal-seal-choice');
    select.replaceChildren();
    view.legalPersonSeals.forEach((s) => {
      const option = el('option', s.name);
      option.value = s.sealId;
      select.appendChild(option);
    });
    $('legal-seal-section').hidden = !view.needsLegalPersonSeal;
    select.hidden = view.legalPersonSeals.length === 0;
    $('legal-seal-note').hidden = view.legalPersonSeals.length > 0;
  }

  function renderSignatureKinds(view) {
    const kinds = view.signatureKinds;
    const generate = $('signature-generated');
    generate.disabled = !kinds.includes('SYSTEM_ESIGN');
    $('signature-kind').hidden = kinds.length < 2;
    if (!kinds.includes('HANDWRITE')) generate.checked = true;
    if (!kinds.includes('SYSTEM_ESIGN')) generate.checked = false;
    $('signature-pad-box').hidden = generate.checked;
  }

  window.SignControls = {
    label: (field) => LABELS[field.type],
    render: function (view) {
      renderTexts(view.contracts);
      renderLegalSeals(view);
      renderSignatureKinds(view);
    },
    // the signer's own signature is drawn unless they chose to have it generated from their name
    generated: () => $('signature-generated').checked,
    // what the sign request carries for these controls
    addTo: function (body, view) {
      document.querySelectorAll('#sign-texts [data-sign-text-id]').forEach((input) => {
        body.fills[input.dataset.signTextId] = input.value;
      });
      if (view.needsLegalPersonSeal && view.legalPersonSeals.length) {
        body.legalPersonSealId = $('legal-seal-choice').value;
      }
      if (view.needsSignature) body.signatureKind = this.generated() ? 'SYSTEM_ESIGN' : 'HANDWRITE';
    },
    setup: function () {
      $('signature-generated').addEventListener('change', () => {
        $('signature-pad-box').hidden = $('signature-generated').checked;
      });
    }
  };
})();
