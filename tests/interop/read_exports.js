// Reads kg's visual exports with the consumers' own JavaScript libraries and prints what they saw as JSON:
//   node read_exports.js graph.graphml graph.gexf
// graphology (graphology-graphml, graphology-gexf: the parsers of Gephi Lite) and cytoscape.js with its
// GraphML extension (cytoscape-graphml, on jQuery over jsdom). The Python test decides what is right.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');
const cytoscape = require('cytoscape');
const cyGraphml = require('cytoscape-graphml');
const {JSDOM} = require('jsdom');

function types(attributes) {
  const out = {};
  for (const [name, value] of Object.entries(attributes)) out[name] = typeof value;
  return out;
}

function summary(graph) {
  const nodes = {};
  graph.forEachNode((key, attributes) => { nodes[key] = {attributes, types: types(attributes)}; });
  const edges = {};
  graph.forEachEdge((key, attributes, source, target) => {
    edges[key] = {source, target, attributes, types: types(attributes)};
  });
  return {order: graph.order, size: graph.size, type: graph.type, nodes, edges};
}

function viaCytoscape(text) {
  const window = new JSDOM('').window;
  const $ = require('jquery')(window);
  cyGraphml(cytoscape, $);
  const cy = cytoscape({headless: true});
  cy.graphml({layoutBy: 'grid'});
  cy.graphml(text);
  const nodes = {};
  cy.nodes().forEach(n => { nodes[n.id()] = n.data(); });
  const edges = {};
  cy.edges().forEach(e => { edges[e.id()] = e.data(); });
  return {order: cy.nodes().length, size: cy.edges().length, nodes, edges};
}

const [graphmlPath, gexfPath] = process.argv.slice(2);
const graphmlText = fs.readFileSync(graphmlPath, 'utf8');
const gexfText = fs.readFileSync(gexfPath, 'utf8');
console.warn = () => {};   // cytoscape's advice on style bypasses, not an error
const out = {
  graphology_graphml: summary(graphml.parse(Graph, graphmlText)),
  graphology_gexf: summary(gexf.parse(Graph, gexfText)),
  cytoscape_graphml: viaCytoscape(graphmlText),
};
process.stdout.write(JSON.stringify(out));
