// Adds a diagram (BPMN DI) to a model that has none, so it opens in Modeler and Cockpit.
// Usage: node layout.mjs ../../processes/some-process.bpmn
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

const file = process.argv[2];
if (!file) {
  console.error('usage: node layout.mjs <file.bpmn>');
  process.exit(2);
}
const xml = readFileSync(file, 'utf8');
if (xml.includes('<bpmndi:BPMNDiagram')) {
  console.error(`${file} already has a diagram; remove it first to lay the model out again`);
  process.exit(1);
}
writeFileSync(file, await layoutProcess(xml));
console.log(`laid out ${file}`);
