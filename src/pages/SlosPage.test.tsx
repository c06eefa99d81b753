import React from 'react';
import { render, screen } from '@testing-library/react';
import { testIds } from '../components/testIds';
import SlosPage from './SlosPage';

describe('SlosPage', () => {
  it('tells the user that SLOs will be listed here', () => {
    render(<SlosPage />);

    expect(screen.getByTestId(testIds.slosPage.container)).toHaveTextContent('Your SLOs will be listed here.');
  });
});
