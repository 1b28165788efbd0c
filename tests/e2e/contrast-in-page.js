// Evaluated in the chat page by the browser test: every visible text whose contrast with what is behind it
// is under WCAG AA (4.5:1, or 3:1 for text of at least 24 px, or 18.66 px bold). Colours are the computed
// ones; the background is found by walking up to the first opaque one, blending translucent layers.
(function contrastFailures() {
  'use strict';
  function parse(css) {
    var parts = (css.match(/[\d.]+/g) || ['0', '0', '0', '0']).map(Number);
    return [parts[0], parts[1], parts[2], css.indexOf('rgba') === 0 ? parts[3] : 1];
  }
  function over(top, bottom) {
    return [0, 1, 2]
      .map(function (i) {
        return top[i] * top[3] + bottom[i] * (1 - top[3]);
      })
      .concat(1);
  }
  function luminance(colour) {
    function channel(v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel(colour[0]) + 0.7152 * channel(colour[1]) + 0.0722 * channel(colour[2]);
  }
  function background(element) {
    var layers = [];
    for (var e = element; e; e = e.parentElement) {
      var colour = parse(window.getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] === 1) break;
    }
    return layers.reduceRight(
      function (below, layer) {
        return over(layer, below);
      },
      [255, 255, 255, 1],
    );
  }
  var failures = [];
  var walker = document.createTreeWalker(document.body, window.NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var element = node.parentElement;
    var text = (node.textContent || '').trim();
    if (!element || !text) continue;
    var style = window.getComputedStyle(element);
    var box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    if (element.closest('[aria-hidden="true"]')) continue;
    var colour = parse(style.color);
    if (colour[3] === 0) continue; // transparent on purpose: text for screen readers only
    var behind = background(element);
    var lum = [luminance(over(colour, behind)), luminance(behind)].sort(function (a, b) {
      return b - a;
    });
    var ratio = (lum[0] + 0.05) / (lum[1] + 0.05);
    var size = parseFloat(style.fontSize);
    var large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(
        ratio.toFixed(2) + ':1 "' + text.slice(0, 40) + '" (' + style.color + ' on rgb(' + behind.slice(0, 3).join(', ') + '))',
      );
    }
  }
  return failures.filter(function (failure, i) {
    return failures.indexOf(failure) === i;
  });
})();
