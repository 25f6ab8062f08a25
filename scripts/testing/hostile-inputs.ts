/**
 * Hostile text an editor (or a compromised editor account, or an imported legacy article) could
 * type into any field: every entry must come out of the site as the same visible text, never as
 * markup or script. Each executable payload calls `alert(<its number>)`, so a dialog names the
 * entry that ran. Printable characters only (feeds are XML, whose forbidden control characters are
 * handled on their own), no leading or trailing spaces, at most 120 characters (the CMS's shortest
 * name limit), and no two alike (category and tag names are unique).
 */
export const HOSTILE_INPUTS: readonly string[] = [
  // Plain script and event handlers.
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  '<svg/onload=alert(4)>',
  '<body onload=alert(5)>',
  '<details open ontoggle=alert(6)>',
  '<video><source onerror=alert(7)></video>',
  '<input autofocus onfocus=alert(8)>',
  '<select autofocus onfocus=alert(9)>',
  '<marquee onstart=alert(10)>',
  '<iframe src="javascript:alert(11)"></iframe>',
  '<object data="javascript:alert(12)"></object>',
  '<embed src="javascript:alert(13)">',
  // SVG and MathML parsing differences.
  '<svg><script>alert(14)</script></svg>',
  '<svg><a xlink:href="javascript:alert(15)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>',
  '<svg><style><img src=x onerror=alert(17)></style></svg>',
  // Breaking out of an attribute value or a tag.
  '"><img src=x onerror=alert(18)>',
  "'><img src=x onerror=alert(19)>",
  '" onmouseover="alert(20)" x="',
  "' onfocus='alert(21)' autofocus x='",
  '" autofocus onfocus="alert(22)',
  '`><img src=x onerror=alert(23)>',
  '<textarea></textarea><img src=x onerror=alert(24)>',
  '<title></title><img src=x onerror=alert(25)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(26)>">',
  '<style></style><img src=x onerror=alert(27)>',
  // URLs with script schemes (link targets and image sources).
  'javascript:alert(28)',
  'JaVaScRiPt:alert(29)',
  'java&#x09;script:alert(30)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgzMSk8L3NjcmlwdD4=',
  'vbscript:msgbox(32)',
  '<a href="javascript:alert(33)">bấm vào đây</a>',
  '<form action="javascript:alert(34)"><button>Gửi</button></form>',
  '<base href="javascript:alert(35)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(36)">',
  // Leaving a <script> block (JSON-LD) or a JSON string.
  '</script><script>alert(37)</script>',
  '</SCRIPT ><img src=x onerror=alert(38)>',
  '"};alert(39);//',
  '\\"}</script><script>alert(40)</script>',
  '<!--<script>alert(41)</script>-->',
  // Leaving CDATA sections and XML (feeds).
  ']]><script>alert(42)</script>',
  '<![CDATA[<script>alert(43)</script>]]>',
  ']]>]]><img src=x onerror=alert(44)>',
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
  '&lt;script&gt;alert(46)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(47)&#62;',
  // Template syntaxes that a renderer might evaluate.
  "{{constructor.constructor('alert(48)')()}}",
  '${alert(49)}',
  '<%= alert(50) %>',
  '#{alert(51)}',
  '{{ alert(52) }}',
  // Filter evasions and Unicode.
  '<scr<script>ipt>alert(53)</scr</script>ipt>',
  '<img src=x onerror=alert&lpar;54&rpar;>',
  '<img src=x:alert(55) onerror=eval(src)>',
  '<img src=x onerror="&#97;lert(56)">',
  '\\u003cimg src=x onerror=alert(57)\\u003e',
  '＜script＞alert(58)＜/script＞',
  '\u202e<img src=x onerror=alert(59)>',
  '<img\u200bsrc=x onerror=alert(60)>',
  '<div style="background:url(javascript:alert(61))">',
  // What a real Vietnamese headline with quotes and an ampersand looks like.
  'Đồng chí <b>Nguyễn</b> "Văn" \'Ánh\' & <i>Đức</i> dự hội nghị',
];
