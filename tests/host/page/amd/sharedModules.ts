import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import { getI18nInstance } from 'host-i18n-internal/i18n';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as reactRouter from 'react-router';
import * as reactRouterDom from 'react-router-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

/**
 * The modules Grafana shares with plugins (its `sharedDependenciesMap`), by the name a plugin's
 * AMD `define` asks for. The value is what Grafana's SystemJS hands over: the module namespace,
 * or its default export where Grafana marks the module `__useDefault` (lodash, moment, jquery).
 * The heavy, rarely used ones are loaded on demand, as in Grafana.
 */
export const sharedModules: Record<string, () => Promise<unknown>> = {
  react: async () => React,
  'react-dom': async () => ReactDOM,
  'react/jsx-runtime': async () => jsxRuntime,
  'react/jsx-dev-runtime': async () => import('react/jsx-dev-runtime'),
  '@grafana/data': async () => grafanaData,
  '@grafana/data/unstable': async () => import('@grafana/data/unstable'),
  '@grafana/ui': async () => grafanaUi,
  '@grafana/ui/unstable': async () => import('@grafana/ui/unstable'),
  '@grafana/runtime': async () => grafanaRuntime,
  '@grafana/runtime/unstable': async () => import('@grafana/runtime/unstable'),
  '@emotion/css': async () => emotionCss,
  emotion: async () => emotionCss,
  '@emotion/react': async () => emotionReact,
  rxjs: async () => rxjs,
  'rxjs/operators': async () => rxjsOperators,
  // Grafana exposes react-router v6 under both names; a plugin bundles react-router-dom but must
  // share react-router, or its routes would not see Grafana's router context.
  'react-router': async () => reactRouter,
  'react-router-dom': async () => reactRouterDom,
  // Plugins that bundle @grafana/i18n must share the instance that Grafana's UI translates with.
  i18next: async () => getI18nInstance(),
  lodash: async () => (await import('lodash')).default,
  moment: async () => (await import('moment')).default,
  jquery: async () => (await import('jquery')).default,
  prismjs: async () => import('prismjs'),
  redux: async () => import('redux'),
  'react-redux': async () => import('react-redux'),
  'react-inlinesvg': async () => import('react-inlinesvg'),
  slate: async () => import('slate'),
  'slate-plain-serializer': async () => import('slate-plain-serializer'),
  'slate-react': async () => import('slate-react'),
  '@grafana/slate-react': async () => import('slate-react'),
};

/** Modules Grafana shares that this host cannot provide (not installed here). */
export const unavailableSharedModules = new Set(['d3', 'angular', 'app/core/core', 'app/core/config']);
