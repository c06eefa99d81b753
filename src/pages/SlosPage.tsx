import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { Text } from '@grafana/ui';
import { testIds } from '../components/testIds';

function SlosPage() {
  return (
    <PluginPage>
      <div data-testid={testIds.slosPage.container}>
        <Text element="p">Your SLOs will be listed here.</Text>
      </div>
    </PluginPage>
  );
}

export default SlosPage;
