// Blob versioning keeps earlier versions of overwritten blobs, so a corrupted training set or index source can be rolled back.
import { settingRule } from '../helpers/settingRule';
import { accountKindIs, blobServiceLabel, hasHierarchicalNamespace } from './shared/blobService';
import { refine } from './shared/inspect';
import { BLOB_SERVICE_TYPES } from './shared/resources';

const base = settingRule({
  id: 'prefer-storage-blob-versioning',
  resourceTypes: BLOB_SERVICE_TYPES,
  label: blobServiceLabel,
  messages: {
    misaligned:
      '{{label}} "{{name}}" keeps no blob versions (`{{setting}}` is {{value}}): if it holds training data or documents to index, an overwrite cannot be rolled back.',
    absent:
      '{{label}} "{{name}}" keeps no blob versions (`{{setting}}` is not set): if it holds training data or documents to index, an overwrite cannot be rolled back.',
  },
  fixTitle: 'Enable blob versioning',
  settings: {
    // Off by default in ARM and in azurerm. Versions are billed as data, hence a note rather than a warning.
    bicep: { path: ['properties', 'isVersioningEnabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['blob_properties', 'versioning_enabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
  },
});

/** Versioning is not supported with a hierarchical namespace, on FileStorage or on general-purpose v1 accounts. */
export default refine(base, (report, ctx) => (hasHierarchicalNamespace(ctx) || accountKindIs(ctx, ['filestorage', 'storage']) ? undefined : report));
