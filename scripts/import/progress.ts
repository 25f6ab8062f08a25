/** A plain stderr progress bar: redrawn in place on a terminal, a line per tenth otherwise (CI logs). */
const WIDTH = 30;

export function progressBar(write: (text: string) => void, tty: boolean): (done: number, total: number, file: string) => void {
  let lastTenth = -1;
  return (done, total, file) => {
    const ratio = total === 0 ? 1 : done / total;
    if (tty) {
      const filled = Math.round(ratio * WIDTH);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${name}\x1b[K`);
      if (done === total) write('\n');
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      write(`import: ${done}/${total} files (${Math.round(ratio * 100)}%)\n`);
    }
  };
}
