/**
 * Demo photos drawn at seed time (no network): a gradient sky and a motif of the district (rice
 * fields, lotus ponds, the river, a meeting hall…), rendered from SVG by sharp to a 1600x900 JPEG
 * like a newsroom upload. No text is drawn on them: cards crop photos (object-fit: cover) and would
 * cut it into fragments; the figure caption and credit say what the picture is.
 */
import sharp from 'sharp';

export type Motif = 'fields' | 'lotus' | 'river' | 'hall' | 'meeting' | 'school' | 'stage' | 'market' | 'flood' | 'road';

export interface DemoPhoto {
  /** Stable name; the uploaded file is called `demo-<key>.jpg` and found again by it. */
  key: string;
  motif: Motif;
  /** Gradient from top to bottom. */
  sky: [string, string];
  alternativeText: string;
}

export const WIDTH = 1600;
export const HEIGHT = 900;

function motifShapes(motif: Motif): string {
  switch (motif) {
    case 'fields':
      return [0, 1, 2, 3, 4, 5]
        .map((i) => `<rect x="0" y="${520 + i * 65}" width="1600" height="40" fill="${i % 2 ? '#6a9a3a' : '#8cbf4a'}"/>`)
        .join('') + '<circle cx="1280" cy="220" r="90" fill="#ffd75e"/>';
    case 'lotus':
      return '<rect x="0" y="560" width="1600" height="340" fill="#3f7f6e"/>' +
        [200, 520, 860, 1200, 1450]
          .map((x, i) => `<ellipse cx="${x}" cy="${640 + (i % 2) * 80}" rx="110" ry="34" fill="#2f6b3a"/>` +
            `<path d="M${x} ${600 + (i % 2) * 80} q-40 -80 0 -140 q40 60 0 140z" fill="#f29bb6"/>`)
          .join('');
    case 'river':
      return '<rect x="0" y="560" width="1600" height="340" fill="#4a86b8"/>' +
        [600, 680, 760, 840].map((y) => `<path d="M0 ${y} q200 -30 400 0 t400 0 t400 0 t400 0" stroke="#cfe6f7" stroke-width="6" fill="none"/>`).join('') +
        '<rect x="0" y="500" width="1600" height="60" fill="#5d8a3c"/>';
    case 'hall':
      return '<rect x="0" y="700" width="1600" height="200" fill="#b9b2a2"/><rect x="450" y="330" width="700" height="370" fill="#f4efe2"/>' +
        '<polygon points="420,340 800,200 1180,340" fill="#b23a2e"/>' +
        [520, 640, 760, 880, 1000].map((x) => `<rect x="${x}" y="400" width="70" height="300" fill="#d8cfb8"/>`).join('') +
        '<rect x="790" y="120" width="8" height="90" fill="#555"/><rect x="798" y="120" width="80" height="50" fill="#da251d"/>';
    case 'meeting':
      return '<rect x="0" y="620" width="1600" height="280" fill="#7a4e2d"/><rect x="200" y="160" width="1200" height="200" fill="#b3261e"/>' +
        Array.from({ length: 12 }, (_, i) => `<circle cx="${190 + i * 112}" cy="560" r="38" fill="#2b2b2b"/><rect x="${160 + i * 112}" y="595" width="60" height="90" rx="20" fill="#f1f1f1"/>`).join('');
    case 'school':
      return '<rect x="0" y="680" width="1600" height="220" fill="#d9c89a"/><rect x="300" y="300" width="1000" height="380" fill="#f3d36b"/>' +
        Array.from({ length: 6 }, (_, i) => `<rect x="${350 + i * 160}" y="360" width="100" height="110" fill="#4b7bb5"/>`).join('') +
        '<rect x="740" y="520" width="120" height="160" fill="#7b4a2a"/>';
    case 'stage':
      return '<rect x="0" y="0" width="1600" height="900" fill="#1b1030" opacity="0.55"/><rect x="200" y="560" width="1200" height="120" fill="#5a2d82"/>' +
        [400, 800, 1200].map((x) => `<polygon points="${x},0 ${x - 160},560 ${x + 160},560" fill="#fff6c2" opacity="0.25"/>`).join('') +
        [560, 720, 880, 1040].map((x) => `<circle cx="${x}" cy="470" r="34" fill="#f5c542"/><rect x="${x - 30}" y="500" width="60" height="70" fill="#e0457b"/>`).join('');
    case 'market':
      return '<rect x="0" y="640" width="1600" height="260" fill="#a88d6b"/>' +
        [150, 550, 950, 1350].map((x, i) => `<polygon points="${x - 170},420 ${x},330 ${x + 170},420" fill="${['#e4572e', '#17bebb', '#ffc914', '#76b041'][i]}"/><rect x="${x - 150}" y="420" width="300" height="220" fill="#f7ecd9"/>`).join('');
    case 'flood':
      return '<rect x="0" y="480" width="1600" height="420" fill="#8c7a52"/>' +
        [560, 640, 720, 800].map((y) => `<path d="M0 ${y} q200 -20 400 0 t400 0 t400 0 t400 0" stroke="#d9c9a0" stroke-width="5" fill="none"/>`).join('') +
        '<path d="M600 560 l300 0 l-40 50 l-220 0z" fill="#3d2b1f"/><rect x="745" y="470" width="8" height="90" fill="#3d2b1f"/>';
    case 'road':
      return '<rect x="0" y="560" width="1600" height="340" fill="#6f9b45"/><polygon points="700,560 900,560 1400,900 200,900" fill="#5b5b5b"/>' +
        [600, 680, 780].map((y, i) => `<rect x="${795 - i * 6}" y="${y}" width="${10 + i * 12}" height="${40 + i * 10}" fill="#f2f2f2"/>`).join('') +
        [300, 1300].map((x) => `<rect x="${x}" y="300" width="120" height="260" fill="#c9c1b0"/>`).join('');
  }
}

export function photoSvg(photo: DemoPhoto): string {
  const [top, bottom] = photo.sky;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
  ${motifShapes(photo.motif)}
</svg>`;
}

export async function renderPhoto(photo: DemoPhoto): Promise<Buffer> {
  return sharp(Buffer.from(photoSvg(photo))).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
