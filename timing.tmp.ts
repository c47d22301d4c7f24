import { getLitmusParser } from './grammar/litmus-parser';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t2 = cpu();
getLitmusParser();
console.log((cpu() - t2).toFixed(0));
